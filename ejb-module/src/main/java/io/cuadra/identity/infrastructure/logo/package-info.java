/**
 * The company logo prepared for PDFs (SVG rendered, raster images checked).
 */
package io.cuadra.identity.infrastructure.logo;
