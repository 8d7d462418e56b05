package cn.streetgov.attachment;

/** What a file attached to a case is, as officials name it. */
public enum AttachmentKind {
    /** the dossier of an appointment (任免材料), the papers a case is decided on */
    DOSSIER("案件材料"),
    /** the documents a power's delegation rests on (法律法规、规范性文件) */
    LEGAL_BASIS("法律依据文件"),
    /** photographs of the place a whistle is about */
    PHOTO("现场照片"),
    OTHER("其他附件");

    private final String label;

    AttachmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
