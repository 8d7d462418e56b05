package cn.streetgov.org.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A person who works in the system; the username is the Camunda user id. */
@Entity
@Table(name = "org_person")
public class Person {

    @Id
    private String username;

    @Column(name = "family_name")
    private String familyName;

    @Column(name = "given_name")
    private String givenName;

    private String email;

    private boolean active;

    @Column(name = "demo_credentials")
    private boolean demoCredentials;

    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<Post> posts = new ArrayList<>();

    @Version
    private Long version;

    protected Person() {
    }

    public Person(String username, String familyName, String givenName, String email) {
        this.username = username;
        this.familyName = familyName;
        this.givenName = givenName;
        this.email = email;
        this.active = true;
    }

    public Post addPost(PostRole role, String unitCode, String title) {
        Post post = new Post(this, role, unitCode, title);
        posts.add(post);
        return post;
    }

    /** Removes the post (its Camunda membership goes at the next synchronisation of the person). */
    public boolean removePost(Long postId) {
        return posts.removeIf(post -> post.getId() != null && post.getId().equals(postId));
    }

    /** An administrator's change of the names and e-mail (the username never changes). */
    public void change(String familyName, String givenName, String email) {
        this.familyName = familyName;
        this.givenName = givenName;
        this.email = email;
    }

    /** Marks that the person's password is (or no longer is) the demo password. */
    public void setDemoCredentials(boolean demoCredentials) {
        this.demoCredentials = demoCredentials;
    }

    public boolean hasDemoCredentials() {
        return demoCredentials;
    }

    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
    }

    public String getUsername() {
        return username;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getDisplayName() {
        return familyName + givenName;
    }

    public String getEmail() {
        return email;
    }

    public boolean isActive() {
        return active;
    }

    public Long getVersion() {
        return version;
    }

    public List<Post> getPosts() {
        return Collections.unmodifiableList(posts);
    }
}
