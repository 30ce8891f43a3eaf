{{/*
Environment of the task settings, one variable per value (Spring binds
STEPWISE_TASKS_* back to stepwise.tasks.*). Kept at the container's indentation.
*/}}
{{- define "stepwise.tasksEnv" -}}
            {{- with .Values.stepwise.tasks }}
            {{- if .defaultTimeout }}
            - name: STEPWISE_TASKS_DEFAULT_TIMEOUT
              value: {{ .defaultTimeout | quote }}
            {{- end }}
            {{- if .connectTimeout }}
            - name: STEPWISE_TASKS_CONNECT_TIMEOUT
              value: {{ .connectTimeout | quote }}
            {{- end }}
            {{- range $i, $route := .routes }}
            - name: STEPWISE_TASKS_ROUTES_{{ $i }}_RESOURCE
              value: {{ required "each stepwise.tasks.routes entry needs a resource" $route.resource | quote }}
            - name: STEPWISE_TASKS_ROUTES_{{ $i }}_URL
              value: {{ required "each stepwise.tasks.routes entry needs a url" $route.url | quote }}
            {{- if $route.timeout }}
            - name: STEPWISE_TASKS_ROUTES_{{ $i }}_TIMEOUT
              value: {{ $route.timeout | quote }}
            {{- end }}
            {{- range $header, $value := $route.headers }}
            - name: STEPWISE_TASKS_ROUTES_{{ $i }}_HEADERS_{{ include "stepwise.headerEnvName" $header }}
              value: {{ $value | toString | quote }}
            {{- end }}
            {{- range $header, $ref := $route.headersFromSecret }}
            - name: STEPWISE_TASKS_ROUTES_{{ $i }}_HEADERS_{{ include "stepwise.headerEnvName" $header }}
              valueFrom:
                secretKeyRef:
                  name: {{ required "headersFromSecret entries need a name" $ref.name }}
                  key: {{ required "headersFromSecret entries need a key" $ref.key }}
            {{- end }}
            {{- end }}
            {{- with .egress }}
            - name: STEPWISE_TASKS_EGRESS_ALLOW_PRIVATE
              value: {{ .allowPrivate | toString | quote }}
            {{- range $i, $entry := .allow }}
            - name: STEPWISE_TASKS_EGRESS_ALLOW_{{ $i }}
              value: {{ $entry | quote }}
            {{- end }}
            {{- range $i, $entry := .deny }}
            - name: STEPWISE_TASKS_EGRESS_DENY_{{ $i }}
              value: {{ $entry | quote }}
            {{- end }}
            {{- end }}
            {{- range $i, $c := .connections }}
            - name: STEPWISE_TASKS_CONNECTIONS_{{ $i }}_NAME
              value: {{ required "each stepwise.tasks.connections entry needs a name" $c.name | quote }}
            - name: STEPWISE_TASKS_CONNECTIONS_{{ $i }}_TYPE
              value: {{ required "each stepwise.tasks.connections entry needs a type" $c.type | quote }}
            {{- if $c.tokenUrl }}
            - name: STEPWISE_TASKS_CONNECTIONS_{{ $i }}_TOKEN_URL
              value: {{ $c.tokenUrl | quote }}
            {{- end }}
            {{- if $c.scope }}
            - name: STEPWISE_TASKS_CONNECTIONS_{{ $i }}_SCOPE
              value: {{ $c.scope | quote }}
            {{- end }}
            {{- $secret := required "each stepwise.tasks.connections entry needs an existingSecret" $c.existingSecret }}
            {{- $keys := dict "basic" (list "username" "password") "api-key" (list "header" "value") "oauth-client-credentials" (list "client-id" "client-secret") }}
            {{- range $key := get $keys $c.type }}
            - name: STEPWISE_TASKS_CONNECTIONS_{{ $i }}_{{ $key | upper | replace "-" "_" }}
              valueFrom:
                secretKeyRef:
                  name: {{ $secret }}
                  key: {{ $key }}
            {{- end }}
            {{- end }}
            {{- end }}
{{- end }}
