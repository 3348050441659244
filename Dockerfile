# Sportello in a container: build the jar, then run it on a small JRE as an unprivileged user.
# docker build -t sportello . && docker run -p 3000:3000 -v sportello-data:/data --env-file .env sportello
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:25-jre
RUN useradd --system --create-home --home-dir /app sportello && mkdir /data && chown sportello /data
COPY --from=build /src/app/target/sportello.jar /app/sportello.jar
USER sportello
WORKDIR /app
ENV DATA_DIR=/data PORT=3000
VOLUME /data
EXPOSE 3000
# JVM options as in the README (which says why); the class-data archive lives in the volume
ENTRYPOINT ["java", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=/data/sportello.jsa", "-Xlog:cds=off", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/sportello.jar"]
