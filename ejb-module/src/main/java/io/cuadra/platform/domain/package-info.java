/**
 * Platform operators and the charter a tenant is opened with.
 */
package io.cuadra.platform.domain;
