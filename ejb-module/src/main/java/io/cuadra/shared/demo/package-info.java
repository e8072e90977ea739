/**
 * The extension point of the run command's demo data: each component implements {@code DemoData} for its part;
 * the loader in {@code io.cuadra.demo} calls them once.
 */
package io.cuadra.shared.demo;
