/**
 * Generic Jakarta Batch pieces shared by every component's jobs (step metrics). Nothing here knows a business
 * component.
 */
package io.cuadra.batch;
