/**
 * The demo installation's certificate authority: generated at first start in the data directory,
 * it issues a certificate to every demo person and unit and publishes its CRLs and OCSP answers.
 */
@NullMarked
package vn.congvan.signing.demo;

import org.jspecify.annotations.NullMarked;
