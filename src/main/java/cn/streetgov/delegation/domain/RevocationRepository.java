package cn.streetgov.delegation.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RevocationRepository extends JpaRepository<Revocation, Long> {
}
