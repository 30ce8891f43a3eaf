package dev.stepwise.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's sign-in through the OpenID Connect provider (mode {@code oidc} with the client
 * registration {@value #REGISTRATION}): the authorization-code flow with PKCE, and a login kept on
 * the server ({@link ConsoleLogins}, in the database for every replica) for the console's pages and
 * {@code /console/**} only. The APIs keep their own stateless bearer chain. Pages without a login
 * go to the provider; the console's JSON calls get a 401 problem instead. Changes carry a CSRF
 * token ({@link ConsoleLoginController} hands it out), and {@code POST /console/logout} ends the
 * login here and at the provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stepwise.security.mode", havingValue = "oidc")
class ConsoleLoginConfiguration {
  static final String REGISTRATION = "console";
  static final String AUTHORIZATION = "/console/oauth2/authorization";
  static final String CALLBACK = "/console/login/oauth2/code/*";
  static final String LOGOUT = "/console/logout";

  @Bean
  ConsoleLoginStore consoleLoginStore(JdbcClient jdbc, Clock clock) {
    return new ConsoleLoginStore(jdbc, clock);
  }

  @Bean
  ConsoleLogins consoleLogins(ConsoleLoginStore store, SecurityProperties settings) {
    return new ConsoleLogins(store, settings.oidc().loginIdleTimeout());
  }

  @Bean
  @Order(2)
  @ConditionalOnProperty(
      "spring.security.oauth2.client.registration." + REGISTRATION + ".client-id")
  SecurityFilterChain consoleLogin(
      HttpSecurity http,
      SecurityProperties settings,
      ClientRegistrationRepository registrations,
      ObjectProvider<JwtDecoder> accessTokens,
      ConsoleLogins logins,
      ConsoleLoginStore store)
      throws Exception {
    var problems = new ProblemResponses();
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    var pages = new CookieRequestCache();
    pages.setRequestMatcher(matcher(HttpMethod.GET, NativeAccess.CONSOLE_PAGES));
    var csrf = new CookieCsrfTokenRepository();
    csrf.setCookieCustomizer(c -> c.sameSite("Lax"));
    RequestMatcher calls = matcher(null, "/console/api/**", ConsoleRelay.PREFIX + "**");
    http.securityMatcher(matcher(null, NativeAccess.CONSOLE_ASSETS))
        // Nothing kept in the servlet container: the login lives in the database, for every
        // replica.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(c -> c.securityContextRepository(logins))
        .requestCache(c -> c.requestCache(pages))
        .csrf(c -> c.csrfTokenRepository(csrf))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .oauth2Login(
            o ->
                o.authorizationEndpoint(
                        a ->
                            a.baseUri(AUTHORIZATION)
                                .authorizationRequestResolver(resolver)
                                .authorizationRequestRepository(new ConsoleLoginRequests(store)))
                    .redirectionEndpoint(r -> r.baseUri(CALLBACK))
                    .userInfoEndpoint(
                        u ->
                            u.oidcUserService(
                                new ConsoleUsers(settings.oidc(), accessTokens.getIfAvailable())))
                    .loginPage(AUTHORIZATION + "/" + REGISTRATION)
                    .failureHandler(
                        (request, response, e) ->
                            ProblemResponses.write(
                                response,
                                401,
                                "Unauthorized",
                                "Signing in through the identity provider failed: "
                                    + e.getMessage())))
        .logout(
            l ->
                l.logoutUrl(LOGOUT)
                    .addLogoutHandler((request, response, who) -> logins.forget(request, response))
                    .logoutSuccessHandler(new ConsoleLogout(registrations)))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        (request, response, refused) ->
                            ProblemResponses.write(
                                response,
                                401,
                                "Unauthorized",
                                "Not signed in to the console (or the login has ended): reload"
                                    + " the page to sign in"),
                        calls)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(AUTHORIZATION + "/" + REGISTRATION),
                        request -> true)
                    .accessDeniedHandler(problems))
        .authorizeHttpRequests(a -> NativeAccess.consoleRules(a))
        .addFilterAfter(new ConsoleRelay(), AuthorizationFilter.class);
    return http.build();
  }

  private static RequestMatcher matcher(HttpMethod method, String... patterns) {
    var builder = PathPatternRequestMatcher.withDefaults();
    RequestMatcher[] each = new RequestMatcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) each[i] = builder.matcher(method, patterns[i]);
    return new OrRequestMatcher(each);
  }
}
