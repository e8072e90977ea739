package io.cuadra.lab.domain;

/** How a location talks to its laboratory system: HL7 v2.5 over MLLP, or REST/JSON. */
public enum LabAdapter {
    MLLP, REST
}
