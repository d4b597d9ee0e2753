# Builds and runs the service (ledger-api-*-exec.jar). Used by docker-compose.yml; the service
# needs SPRING_DATASOURCE_URL (it refuses to start without one) and the PII keys.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY ledger-core/pom.xml ledger-core/
COPY ledger-projections/pom.xml ledger-projections/
COPY ledger-api/pom.xml ledger-api/
COPY ledger-tools/pom.xml ledger-tools/
RUN ./mvnw -q -B -pl ledger-api -am dependency:go-offline -DexcludeArtifactIds=ledger-core,ledger-projections
COPY ledger-core/src ledger-core/src
COPY ledger-projections/src ledger-projections/src
COPY ledger-api/src ledger-api/src
RUN ./mvnw -q -B -pl ledger-api -am package -DskipTests && cp ledger-api/target/ledger-api-*-exec.jar /ledger-api.jar
# layers (dependencies, spring-boot-loader, snapshot-dependencies, application), so that a code
# change rebuilds only the last one
RUN java -Djarmode=tools -jar /ledger-api.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 ledger
USER ledger
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
# 8080 the API, 8081 the management endpoints (health, Prometheus, info)
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fs http://localhost:8081/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "org.springframework.boot.loader.launch.JarLauncher"]
