/** Seeds: reading CSV files and inferring column types as dbt does (agate's type tester), into rows ready to load. */
package io.slipway.core.seed;
