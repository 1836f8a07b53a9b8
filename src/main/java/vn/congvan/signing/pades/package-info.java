/** PAdES signatures made with EU DSS, and their visible appearance as Decree 30 lays it out. */
@NullMarked
package vn.congvan.signing.pades;

import org.jspecify.annotations.NullMarked;
