package vn.congvan.signing.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Who a certificate names: a person of a unit (CN = the person's name, O = the unit), or the unit
 * itself for its organization signature (CN = O = the unit).
 */
public record Subject(String commonName, String organization, boolean organizationSeal) {

    public static Subject person(String fullName, String unitName) {
        return new Subject(fullName, unitName, false);
    }

    public static Subject organization(String unitName) {
        return new Subject(unitName, unitName, true);
    }

    X500Name x500Name() {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
