package vn.congvan.registry.dossier;

/** Whether a dossier still takes documents (đang lập) or is closed (đã kết thúc). */
public enum DossierState {
    OPEN,
    CLOSED;

    public String messageKey() {
        return "registry.dossier.state." + name();
    }
}
