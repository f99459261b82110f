select {{ outer_macro() }} as x
