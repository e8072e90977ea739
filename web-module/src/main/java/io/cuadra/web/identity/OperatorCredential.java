package io.cuadra.web.identity;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** What the operator's sign-in page submits: checked against the platform operators, never the tenants' users. */
public class OperatorCredential extends UsernamePasswordCredential {

    public OperatorCredential(String email, String password) {
        super(email, password);
    }
}
