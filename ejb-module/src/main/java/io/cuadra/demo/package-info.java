/**
 * The run command's demo tenant: opens it once and asks every component's {@link io.cuadra.shared.demo.DemoData}
 * to load its part. Its own component because it drives identity (opening the tenant) and so cannot live in shared.
 */
package io.cuadra.demo;
