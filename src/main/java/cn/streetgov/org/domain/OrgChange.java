package cn.streetgov.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One change an administrator made to the organisation model: who, when, what. A plain log beside
 * the model (the hash-chained audit trail is per case and has no place for these); written in the
 * transaction of the change.
 */
@Entity
@Table(name = "org_change")
public class OrgChange {

    /** What was changed. */
    public enum EntityType { DISTRICT, UNIT, DEPARTMENT, AGENCY, PERSON, POST }

    /** How it was changed. */
    public enum Action { CREATE, UPDATE, DEACTIVATE, REACTIVATE, ADD_POST, REMOVE_POST }

    static final int DETAIL_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Stored as UTC whatever the JVM's zone. */
    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "actor_id")
    private String actorId;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_type")
    private EntityType entityType;

    @Column(name = "entity_code")
    private String entityCode;

    private String detail;

    protected OrgChange() {
    }

    OrgChange(Instant changedAt, String actorId, Action action, EntityType entityType, String entityCode, String detail) {
        this.changedAt = changedAt;
        this.actorId = actorId;
        this.action = action;
        this.entityType = entityType;
        this.entityCode = entityCode;
        this.detail = detail == null || detail.length() <= DETAIL_LENGTH ? detail
                : detail.substring(0, DETAIL_LENGTH - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getActorId() {
        return actorId;
    }

    public Action getAction() {
        return action;
    }

    public EntityType getEntityType() {
        return entityType;
    }

    public String getEntityCode() {
        return entityCode;
    }

    public String getDetail() {
        return detail;
    }
}
