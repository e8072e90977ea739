package io.cuadra.identity.domain;

/** What a permission allows on a module. APPROVE covers discounts over the threshold, reopening a day... */
public enum Action {
    VIEW, CREATE, EDIT, DELETE, CANCEL, APPROVE, EXPORT
}
