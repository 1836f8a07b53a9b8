/** Remote and mobile signing (PKI SIM, cloud signing) through a Cloud Signature Consortium API v2 service. */
@NullMarked
package vn.congvan.signing.remote;

import org.jspecify.annotations.NullMarked;
