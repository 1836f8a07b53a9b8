-- The certificate register: besides the certificates whose keys the server holds (a PKCS#12 key
-- store, or an HSM through PKCS#11), the certificates officials and units hold elsewhere: on a USB
-- token, a PKI SIM, or with a remote signing service (its credential id). A signature made
-- outside the server is accepted only with a certificate registered here for its holder.
alter table signing_certificate alter column key_store drop not null;
alter table signing_certificate
    add column medium varchar(10) not null default 'SERVER'
        check (medium in ('SERVER', 'HSM', 'USB_TOKEN', 'PKI_SIM', 'REMOTE')),
    add column remote_credential varchar(200),
    add column registered_by uuid references person (id),
    add constraint signing_certificate_key_on_server
        check ((medium in ('SERVER', 'HSM')) = (key_store is not null));
