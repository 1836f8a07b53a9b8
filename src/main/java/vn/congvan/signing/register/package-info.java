/** The certificate register: the certificates officials and units hold on tokens, SIMs or remote services. */
@NullMarked
package vn.congvan.signing.register;

import org.jspecify.annotations.NullMarked;
