package dev.stepwise.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * After the console's login has ended here, says where the browser goes next, as JSON rather than a
 * redirect: the provider's sign-out endpoint when its discovery names one (RP-initiated logout, so
 * the provider forgets the person too), else the console's start page. The console's script
 * navigates there itself, which its content security policy allows where a form's redirect to
 * another origin would not be.
 */
final class ConsoleLogout extends OidcClientInitiatedLogoutSuccessHandler {
  ConsoleLogout(ClientRegistrationRepository registrations) {
    super(registrations);
    setPostLogoutRedirectUri("{baseUrl}/");
  }

  @Override
  public void onLogoutSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    String location = determineTargetUrl(request, response, authentication);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write("{\"location\":" + ProblemResponses.jsonString(location) + "}");
  }
}
