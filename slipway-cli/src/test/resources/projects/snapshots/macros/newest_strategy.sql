{#- A project's own snapshot strategy: the timestamp strategy under another name. -#}
{% macro snapshot_newest_strategy(node, snapshotted_rel, current_rel, model_config, target_exists) -%}
  {{ return(snapshot_timestamp_strategy(node, snapshotted_rel, current_rel, model_config, target_exists)) }}
{%- endmacro %}
