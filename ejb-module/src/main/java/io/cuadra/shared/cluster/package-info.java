/**
 * Several servers, one business: scheduled work claimed by exactly one server ({@link io.cuadra.shared.cluster.OnceOnly}).
 */
package io.cuadra.shared.cluster;
