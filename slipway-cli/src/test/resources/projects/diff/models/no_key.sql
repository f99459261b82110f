-- no key anywhere: schema and row counts only
select i as a{% if var('ci', false) %}, 'x' as b{% endif %} from range(1, 4) r(i)
