/**
 * What the reports component publishes: a threshold crossed at a location, for the notifications component to
 * alert the location's supervisors.
 */
package io.cuadra.reports.events;
