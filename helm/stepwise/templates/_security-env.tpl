{{/*
Environment of the security settings, one variable per value (Spring binds
STEPWISE_SECURITY_* back to stepwise.security.*). Kept at the container's indentation.
*/}}
{{- define "stepwise.securityEnv" -}}
            {{- with .Values.security }}
            - name: STEPWISE_SECURITY_MODE
              value: {{ .mode | quote }}
            {{- if eq .mode "none" }}
            # Mode none listens on loopback unless told otherwise; in a pod the
            # probes and the Service need every interface.
            - name: SERVER_ADDRESS
              value: "0.0.0.0"
            {{- end }}
            - name: STEPWISE_SECURITY_PUBLIC_PROMETHEUS
              value: {{ .publicPrometheus | toString | quote }}
            {{- range $i, $key := .apiKeys }}
            - name: STEPWISE_SECURITY_API_KEYS_{{ $i }}_NAME
              value: {{ required "each security.apiKeys entry needs a name" $key.name | quote }}
            - name: STEPWISE_SECURITY_API_KEYS_{{ $i }}_ROLES
              value: {{ join "," (required "each security.apiKeys entry needs roles" $key.roles) | quote }}
            {{- if $key.prefix }}
            - name: STEPWISE_SECURITY_API_KEYS_{{ $i }}_PREFIX
              value: {{ $key.prefix | quote }}
            {{- end }}
            - name: STEPWISE_SECURITY_API_KEYS_{{ $i }}_{{ if $key.keySha256 }}KEY_SHA256{{ else }}KEY{{ end }}
              valueFrom:
                secretKeyRef:
                  name: {{ include "stepwise.securitySecretName" $ }}
                  key: {{ required "each security.apiKeys entry needs a secretKey" $key.secretKey }}
            {{- end }}
            {{- range $i, $pair := .awsCredentials }}
            - name: STEPWISE_SECURITY_AWS_CREDENTIALS_{{ $i }}_ACCESS_KEY_ID
              value: {{ required "each security.awsCredentials entry needs an accessKeyId" $pair.accessKeyId | quote }}
            - name: STEPWISE_SECURITY_AWS_CREDENTIALS_{{ $i }}_ROLES
              value: {{ join "," (required "each security.awsCredentials entry needs roles" $pair.roles) | quote }}
            {{- if $pair.prefix }}
            - name: STEPWISE_SECURITY_AWS_CREDENTIALS_{{ $i }}_PREFIX
              value: {{ $pair.prefix | quote }}
            {{- end }}
            - name: STEPWISE_SECURITY_AWS_CREDENTIALS_{{ $i }}_SECRET_ACCESS_KEY
              valueFrom:
                secretKeyRef:
                  name: {{ include "stepwise.securitySecretName" $ }}
                  key: {{ required "each security.awsCredentials entry needs a secretKey" $pair.secretKey }}
            {{- end }}
            {{- with .oidc }}
            {{- if .issuerUri }}
            - name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI
              value: {{ .issuerUri | quote }}
            {{- end }}
            {{- if .jwkSetUri }}
            - name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI
              value: {{ .jwkSetUri | quote }}
            {{- end }}
            {{- if .rolesClaim }}
            - name: STEPWISE_SECURITY_OIDC_ROLES_CLAIM
              value: {{ .rolesClaim | quote }}
            {{- end }}
            {{- if .prefixClaim }}
            - name: STEPWISE_SECURITY_OIDC_PREFIX_CLAIM
              value: {{ .prefixClaim | quote }}
            {{- end }}
            {{- if .principalClaim }}
            - name: STEPWISE_SECURITY_OIDC_PRINCIPAL_CLAIM
              value: {{ .principalClaim | quote }}
            {{- end }}
            {{- end }}
            {{- include "stepwise.consoleSignInEnv" $ }}
            {{- end }}
{{- end }}

{{/*
The console's sign-in through the provider: Spring's client registration
"console". Its key is lower case, as Spring makes every map key it reads from an
environment variable, so the variables bind reliably.
*/}}
{{- define "stepwise.consoleSignInEnv" -}}
            {{- with .Values.security.oidc.console }}
            {{- if .enabled }}
            {{- if ne $.Values.security.mode "oidc" }}
            {{- fail "security.oidc.console.enabled needs security.mode oidc" }}
            {{- end }}
            {{- if not (or .clientSecret .existingSecret) }}
            {{- fail "security.oidc.console needs clientSecret or existingSecret" }}
            {{- end }}
            - name: SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CONSOLE_ISSUERURI
              value: {{ required "security.oidc.console needs issuerUri (or security.oidc.issuerUri)" (.issuerUri | default $.Values.security.oidc.issuerUri) | quote }}
            - name: SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_CLIENTID
              value: {{ required "security.oidc.console needs a clientId" .clientId | quote }}
            - name: SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_CLIENTSECRET
              valueFrom:
                secretKeyRef:
                  name: {{ include "stepwise.consoleClientSecretName" $ }}
                  key: {{ .clientSecretKey }}
            - name: SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_SCOPE
              value: {{ join "," .scopes | quote }}
            - name: SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_REDIRECTURI
              value: {{ .redirectUri | quote }}
            - name: STEPWISE_SECURITY_OIDC_LOGINIDLETIMEOUT
              value: {{ .loginIdleTimeout | quote }}
            {{- end }}
            {{- end }}
{{- end }}
