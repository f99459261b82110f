package io.slipway.diff;

/** Tables the tests diff: the same shape of data with every kind of difference. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * {@code prod}: 2,000 rows with an integer key, a composite (region, at) key, a text key, NULLs, decimals,
     * timestamps, time zones, floats, booleans and dates. {@code dev}: the change, with exactly:
     * 3 rows removed (ids 3, 999, 1500), 2 added (2001, 2002), and 10 changed rows: name (20), amount (21),
     * at (22, one microsecond), attz (23), score (24, by 1e-3), flag (25), day (26), note NULL to text (28),
     * note text to NULL (29), two columns at once (30: name and amount). Also a float change below the
     * precision (27, by 1e-9), which is no change.
     */
    static final String[] PROD_AND_DEV = {
        "create table prod as select i::integer as id, 'r' || (i % 17) as region,"
                + " timestamp '2024-01-01' + to_microseconds(i * 1000500000) as at, 'name-' || i as name,"
                + " (i * 1.125)::decimal(14,4) as amount, (i % 977) / 7.0 as score, i % 2 = 0 as flag, date '2020-01-01' + i::integer as day,"
                + " timezone('UTC', timestamp '2024-01-01 10:00' + to_seconds(i)) as attz,"
                + " case when i % 7 = 0 then null else 'n' || i end as note from range(1, 2001) r(i)",
        "create table dev as select * from prod where id not in (3, 999, 1500)",
        "insert into dev values (2001, 'zz', timestamp '2030-01-01 00:00:00.5', 'new-1', 1.5, 0.25, true, date '2030-01-01',"
                + " timestamptz '2030-01-01 00:00:00+00', null),"
                + " (2002, 'zz', timestamp '2030-01-02', 'new-2', null, null, null, null, null, 'x')",
        "update dev set name = 'renamed' where id = 20",
        "update dev set amount = amount + 0.0001 where id = 21",
        "update dev set \"at\" = \"at\" + interval 1 microsecond where id = 22",
        "update dev set attz = attz + interval 1 hour where id = 23",
        "update dev set score = score + 0.001 where id = 24",
        "update dev set flag = not flag where id = 25",
        "update dev set day = day + 1 where id = 26",
        "update dev set score = score + 1e-9 where id = 27",
        "update dev set note = 'was null' where id = 28",
        "update dev set note = null where id = 29",
        "update dev set name = 'both', amount = 0 where id = 30",
    };
}
