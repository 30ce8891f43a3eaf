{{/*
Chart name, truncated to 63 characters (a DNS label).
*/}}
{{- define "stepwise.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name. If the release name already contains the chart
name, it is used as is.
*/}}
{{- define "stepwise.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the chart label.
*/}}
{{- define "stepwise.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "stepwise.labels" -}}
helm.sh/chart: {{ include "stepwise.chart" . }}
{{ include "stepwise.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "stepwise.selectorLabels" -}}
app.kubernetes.io/name: {{ include "stepwise.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "stepwise.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}

{{/*
Name of the Secret holding the database password, or "" when there is none.
*/}}
{{- define "stepwise.databaseSecretName" -}}
{{- if .Values.database.existingSecret }}
{{- .Values.database.existingSecret }}
{{- else if .Values.database.password }}
{{- include "stepwise.fullname" . }}-db
{{- end }}
{{- end }}

{{/*
Environment-variable suffix for a header name: upper case, with characters
other than letters, digits and '-' turned into '_'. Spring binds it back as
the lower-cased header name.
*/}}
{{- define "stepwise.headerEnvName" -}}
{{- regexReplaceAll "[^A-Z0-9-]" (upper .) "_" }}
{{- end }}

{{/*
The Secret holding API keys and AWS secret access keys: the existing one, or
the one the chart generates.
*/}}
{{- define "stepwise.securitySecretName" -}}
{{- if .Values.security.existingSecret -}}
{{- .Values.security.existingSecret -}}
{{- else -}}
{{- printf "%s-api-keys" (include "stepwise.fullname" .) -}}
{{- end -}}
{{- end }}

{{/*
The Secret holding the console's client secret: an existing one, or the chart's.
*/}}
{{- define "stepwise.consoleClientSecretName" -}}
{{- if .Values.security.oidc.console.existingSecret -}}
{{- .Values.security.oidc.console.existingSecret -}}
{{- else -}}
{{- printf "%s-console-client" (include "stepwise.fullname" .) -}}
{{- end -}}
{{- end }}

{{/*
The ServiceAccount the pods run as.
*/}}
{{- define "stepwise.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "stepwise.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end }}

{{/*
A direct database connection, past a PgBouncer in transaction pooling: Flyway's migrations
and the work queue's LISTEN each need a server connection of their own. Same user and password.
*/}}
{{- define "stepwise.directDatabaseEnv" -}}
{{- with .Values.database.directUrl }}
            - name: STEPWISE_QUEUE_LISTEN_URL
              value: {{ . | quote }}
            - name: SPRING_FLYWAY_URL
              value: {{ . | quote }}
            {{- with $.Values.database.username }}
            - name: SPRING_FLYWAY_USER
              value: {{ . | quote }}
            {{- end }}
            {{- with (include "stepwise.databaseSecretName" $) }}
            - name: SPRING_FLYWAY_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ . }}
                  key: {{ $.Values.database.passwordKey }}
            {{- end }}
{{- end }}
{{- end }}
