package dev.stepwise.api;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemReportValve} in place of every Tomcat error report valve. Spring Boot adds its
 * own while the context is configured, and the host adds Tomcat's default when it starts unless one
 * of its configured class is present; so the swap is made just before the host starts, when both
 * have had their say, and the host is told the new valve's class.
 */
@Component
class ErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (!(context.getParent() instanceof Host host)) return;
          host.addLifecycleListener(
              event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) replaceValves(host);
              });
        });
  }

  private static void replaceValves(Host host) {
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
    }
    if (host instanceof org.apache.catalina.core.StandardHost standard) {
      standard.setErrorReportValveClass(ProblemReportValve.class.getName());
    }
    host.getPipeline().addValve(new ProblemReportValve());
  }
}
