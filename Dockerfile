# syntax=docker/dockerfile:1
#
# One image per service, built from this repository:
#   docker build --build-arg SERVICE=referral-service -t startpakket/referral-service .
# (docker-compose.yml builds all four). The build stage is the same for every service, so BuildKit
# builds the reactor once and each image only copies its own executable jar.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests \
        -pl referral-service,fulfilment-service,billing-service,reporting-service -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "--build-arg SERVICE=<module> is required, e.g. referral-service" >&2; exit 1; } \
    && apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system startpakket \
    && useradd --system --gid startpakket --home-dir /app startpakket
WORKDIR /app
COPY --from=build /workspace/${SERVICE}/target/${SERVICE}-*-exec.jar /app/service.jar
USER startpakket
# the container's memory limit sizes the heap; an out-of-memory error restarts the container
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/service.jar"]
