/**
 * Who may call Stepwise and what they may do: the authentication modes ({@code none}, {@code
 * api-key}, {@code oidc}), SigV4 on the AWS wire API, the four roles, name prefixes that confine a
 * caller to some state machines, and the audit log of state-changing calls. An edge: the APIs ask
 * {@link dev.stepwise.security.Caller#current()} who is calling; the core knows nothing of it.
 */
package dev.stepwise.security;
