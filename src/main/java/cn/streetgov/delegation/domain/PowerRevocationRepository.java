package cn.streetgov.delegation.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PowerRevocationRepository extends JpaRepository<PowerRevocation, Long> {
}
