package se.benefitledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import se.benefitledger.api.bulk.WritesBesideBulkFilter;
import se.benefitledger.api.idempotency.IdempotencyFilter;
import se.benefitledger.api.problem.Problems;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stateless API security: HTTP Basic with configured users, or JWT bearer tokens; the roles of
 * {@link EndpointPolicy}; every refusal as problem+json. Idempotency runs inside the chain, after
 * authorisation, so that it knows the caller and never stores a refused request.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * The management port (health, Prometheus, info, SBOM) answers without the API's users: it is
     * meant for the cluster's probes and scrapers on an internal interface, never for clients. The
     * API port serves none of these endpoints.
     */
    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, Environment environment) throws Exception {
        return http.securityMatcher(request -> String.valueOf(request.getLocalPort()).equals(environment.getProperty("local.management.port")))
                   .csrf(AbstractHttpConfigurer::disable)
                   .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                   .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                   .build();
    }

    /**
     * The console (docs/console.md): a session after a login form, for people in a browser, and therefore CSRF
     * tokens on every form. Its pages are authorised by {@link EndpointPolicy#consolePages()}, the roles of the API
     * endpoint each presents. The API's own chain stays stateless, so the console's session cookie never
     * authenticates an API call.
     */
    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**")
            .authorizeHttpRequests(authorize -> {
                authorize.requestMatchers("/console/login", "/console/console.css").permitAll();
                for (var page : EndpointPolicy.consolePages()) {
                    authorize.requestMatchers(page.matcher()).hasAnyRole(page.roles().stream().map(Role::name).toArray(String[]::new));
                }
                authorize.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/console"),
                        PathPatternRequestMatcher.withDefaults().matcher("/console/forbidden")).authenticated();
                authorize.anyRequest().denyAll();
            })
            .formLogin(form -> form.loginPage("/console/login").defaultSuccessUrl("/console", true))
            .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
            .exceptionHandling(errors -> errors.accessDeniedPage("/console/forbidden"))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectMapper json,
                            IdempotencyFilter idempotency, WritesBesideBulkFilter besideBulk, UserDetailsService users, PasswordEncoder passwords) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate",
                    properties.mode() == SecurityProperties.Mode.BASIC ? "Basic realm=\"benefit-ledger\"" : "Bearer");
            write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                    "Missing or wrong credentials"));
        };
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(authorize -> {
                authorize.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll();
                for (var entry : EndpointPolicy.entries()) {
                    authorize.requestMatchers(entry.matcher()).hasAnyRole(entry.roles().stream().map(Role::name).toArray(String[]::new));
                }
                authorize.anyRequest().denyAll();
            })
            .exceptionHandling(errors -> errors
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler((request, response, e) -> write(response, json, Problems.of(HttpStatus.FORBIDDEN,
                            "forbidden", "Forbidden", "Your role may not use this endpoint"))))
            .addFilterAfter(idempotency, AuthorizationFilter.class)
            // a write beside bulk work waits for its turn before its transaction starts
            .addFilterBefore(besideBulk, IdempotencyFilter.class);
        if (properties.mode() == SecurityProperties.Mode.JWT) {
            http.oauth2ResourceServer(resource -> resource
                    .authenticationEntryPoint(unauthenticated)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(source -> jwtAuthentication(source, properties.claims()))));
        } else {
            var cache = properties.credentialCache();
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .authenticationManager(new ProviderManager(new VerifiedCredentialsAuthenticationProvider(users, passwords,
                        new VerifiedCredentials(cache.ttl(), cache.maxSize(), System::nanoTime))));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Users from {@code ledger.security.users}; none unless configured (the embedded run adds demo
     * users, see {@code EmbeddedDemo}). Plain-text ({@code {noop}}) passwords only in the
     * {@code embedded} development profile.
     */
    @Bean
    UserDetailsService users(SecurityProperties properties, Environment environment) {
        refusePlainPasswords(properties, environment.acceptsProfiles(Profiles.of("embedded")));
        Map<String, LedgerUserDetails> users = properties.users().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey,
                user -> new LedgerUserDetails(new LedgerUser(user.getKey(), user.getValue().roles(),
                        MunicipalityScope.of(user.getValue().municipalities())), user.getValue().password())));
        return name -> {
            var user = users.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return user;
        };
    }

    static void refusePlainPasswords(SecurityProperties properties, boolean embedded) {
        if (embedded) {
            return;
        }
        var plain = properties.users().entrySet().stream()
                              .filter(user -> user.getValue().password() != null && user.getValue().password().startsWith("{noop}"))
                              .map(Map.Entry::getKey).sorted().toList();
        if (!plain.isEmpty()) {
            throw new IllegalStateException("ledger.security.users." + plain.get(0) + ".password is a plain-text {noop} password"
                    + (plain.size() > 1 ? " (so are those of " + String.join(", ", plain.subList(1, plain.size())) + ")" : "")
                    + ": outside the 'embedded' development profile passwords are hashed, e.g. {bcrypt}$2a$10$…");
        }
    }

    private static AbstractAuthenticationToken jwtAuthentication(Jwt jwt, SecurityProperties.Claims claims) {
        var user = CurrentUser.fromJwt(jwt, claims);
        var token = new JwtAuthenticationToken(jwt,
                user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(), user.name());
        token.setDetails(claims);
        return token;
    }

    private static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
