package cn.streetgov;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 街道治理协同平台: the street and township governance workflows on Camunda Platform 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("street-governance")
public class StreetGovApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreetGovApplication.class, args);
    }
}
