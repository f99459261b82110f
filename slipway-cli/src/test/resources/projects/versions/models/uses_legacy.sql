select id from {{ ref('legacy_report') }}
