package cn.streetgov.org.domain;

/**
 * An organisation that is taken out of service rather than deleted (cases keep naming it): a
 * street/town, a department, a dispatched agency.
 */
public interface Activatable {

    boolean isActive();

    void deactivate();

    void reactivate();

    Long getVersion();

    String getName();
}
