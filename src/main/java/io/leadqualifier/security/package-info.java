/**
 * Who may do what: the four roles, bearer JWT from the company identity provider in production, and built-in
 * generated credentials for the embedded quick start.
 */
package io.leadqualifier.security;
