package cn.streetgov.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A person's post in one organisation; it gives the person that organisation's Camunda group. */
@Entity
@Table(name = "org_post")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "username")
    private Person person;

    @Enumerated(EnumType.STRING)
    private PostRole role;

    /** Street/town, department or agency code; null for district-wide bodies. */
    @Column(name = "unit_code")
    private String unitCode;

    private String title;

    protected Post() {
    }

    Post(Person person, PostRole role, String unitCode, String title) {
        if (role.isUnitScoped() == (unitCode == null)) {
            throw new IllegalArgumentException("岗位 " + role + " 的所属单位设置不正确: " + unitCode);
        }
        this.person = person;
        this.role = role;
        this.unitCode = unitCode;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public PostRole getRole() {
        return role;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getTitle() {
        return title;
    }

    /** The Camunda group this post makes its holder a member of. */
    public String groupId() {
        return role.groupId(unitCode);
    }
}
