package io.cuadra.billing.domain;

public enum FiscalRegime { SUNAT, FRENCH, INTERNAL_RECEIPT }
