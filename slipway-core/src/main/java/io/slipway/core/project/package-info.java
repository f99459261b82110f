/** Loading a project: {@code dbt_project.yml}, {@code profiles.yml} and YAML helpers, into immutable records. */
package io.slipway.core.project;
