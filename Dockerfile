# Builds and runs ledger-api. Used by docker-compose.yml; the service then uses the external
# PostgreSQL named by SPRING_DATASOURCE_URL instead of starting its own.
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

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 ledger
USER ledger
COPY --from=build /ledger-api.jar /app/ledger-api.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
EXPOSE 8080
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-XX:MaxRAMPercentage=75", "-jar", "/app/ledger-api.jar"]
