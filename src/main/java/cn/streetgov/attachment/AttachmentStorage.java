package cn.streetgov.attachment;

/** Where the content of attachments is kept ({@code app.attachments.store}). */
public enum AttachmentStorage {
    /** in the table case_attachment_content: backed up and replicated with the database */
    DATABASE,
    /** in files named after the attachment's id under {@code app.attachments.dir} */
    DIRECTORY
}
