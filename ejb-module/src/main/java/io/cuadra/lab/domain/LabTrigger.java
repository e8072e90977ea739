package io.cuadra.lab.domain;

/** When a tenant's orders go to the LIS: as soon as registered, or once fully paid (labs that take no unpaid work). */
public enum LabTrigger {
    REGISTERED, PAID
}
