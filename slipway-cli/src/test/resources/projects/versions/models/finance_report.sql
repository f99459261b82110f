select revenue from {{ ref('finance_private') }}
