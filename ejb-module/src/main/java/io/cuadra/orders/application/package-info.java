/**
 * The orders component's services: registering, paying, returning and cancelling orders; numbering; quotes;
 * payment methods and card fee rules; order settings; and the snapshots other components read.
 */
package io.cuadra.orders.application;
