package dev.stepwise.security;

import dev.stepwise.lifecycle.Executions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Two filter chains: the AWS wire API ({@code POST /} with {@code X-Amz-Target}), guarded by {@link
 * WireGuard}, and everything else (native API, Actuator, a console's static files), with bearer
 * authentication by mode and the roles of {@link NativeAccess}. Neither keeps login state on the
 * server (the security context lives in the request) nor sets a cookie: every call carries its
 * credentials, so there is nothing for CSRF to ride on. In mode {@code oidc} with a client
 * registration, a third chain between them ({@link ConsoleLoginConfiguration}) signs people in to
 * the console.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  static RoleHierarchy roleHierarchy() {
    return Role.hierarchy();
  }

  @Bean
  ApiKeys apiKeys(Environment environment) {
    return Credentials.apiKeys(environment);
  }

  @Bean
  AwsCredentials awsCredentials(Environment environment) {
    return Credentials.awsCredentials(environment);
  }

  @Bean
  @Order(1)
  SecurityFilterChain wireApi(
      HttpSecurity http,
      SecurityProperties settings,
      AwsCredentials credentials,
      RoleHierarchy hierarchy,
      Clock clock,
      Environment environment)
      throws Exception {
    String region = environment.getProperty("stepwise.aws.region", "us-east-1");
    stateless(http)
        .securityMatcher(SecurityConfiguration::isWireCall)
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .addFilterBefore(
            new WireGuard(settings.mode(), credentials, hierarchy, region, clock),
            AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain nativeApi(
      HttpSecurity http,
      SecurityProperties settings,
      ApiKeys keys,
      AwsCredentials credentials,
      ObjectProvider<JwtDecoder> decoders,
      Executions executions,
      Environment environment)
      throws Exception {
    var problems = new ProblemResponses();
    stateless(http)
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterAfter(new NativeAudit(), SecurityContextHolderFilter.class);
    switch (settings.mode()) {
      case NONE -> {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
        String address = environment.getProperty("server.address", "all interfaces");
        String line =
            "Security mode none: no authentication, every caller may do everything; listening on "
                + address
                + " (stepwise.security.mode=api-key or oidc to require credentials)";
        if (address.equals(LoopbackWhenOpen.LOOPBACK)) log.info(line);
        else log.warn(line);
        return http.build();
      }
      case API_KEY -> {
        AuthenticationManager manager = apiKeyManager(keys);
        http.oauth2ResourceServer(
            o ->
                o.authenticationManagerResolver((HttpServletRequest r) -> manager)
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        if (keys.size() == 0) {
          log.warn("Security mode api-key without keys: every native API call will be refused");
        }
        log.info(
            "Security mode api-key: {} API keys; {} AWS access keys for the wire API",
            keys.size(),
            credentials.size());
      }
      case OIDC -> {
        JwtDecoder decoder = decoders.getIfAvailable();
        if (decoder == null) {
          throw new IllegalStateException(
              "stepwise.security.mode=oidc needs"
                  + " spring.security.oauth2.resourceserver.jwt.issuer-uri or .jwk-set-uri");
        }
        http.oauth2ResourceServer(
            o ->
                o.jwt(
                        j ->
                            j.decoder(decoder)
                                .jwtAuthenticationConverter(new OidcCallers(settings.oidc())))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        log.info(
            "Security mode oidc: JWT bearer tokens, roles from claim '{}'; {} AWS access keys for"
                + " the wire API",
            settings.oidc().rolesClaim(),
            credentials.size());
      }
    }
    http.authorizeHttpRequests(a -> NativeAccess.rules(a, settings.publicPrometheus()))
        .addFilterAfter(new PrefixGuard(executions), AuthorizationFilter.class);
    return http.build();
  }

  private static HttpSecurity stateless(HttpSecurity http) throws Exception {
    return http.csrf(c -> c.disable())
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(c -> c.disable())
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable());
  }

  private static boolean isWireCall(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getHeader("X-Amz-Target") != null
        && "/".equals(ProblemResponses.path(request))
        && request.getDispatcherType() == DispatcherType.REQUEST;
  }

  /** An API key presented as a bearer token, checked against the stored hashes. */
  private static AuthenticationManager apiKeyManager(ApiKeys keys) {
    return authentication -> {
      if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) return null;
      return keys.authenticate(bearer.getToken())
          .map(CallerAuthentication::new)
          .orElseThrow(() -> new InvalidBearerTokenException("The API key is not valid"));
    };
  }
}
