/**
 * Loading the demo tenant's data at first start of the run command.
 */
package io.cuadra.shared.demo;
