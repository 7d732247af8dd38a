package org.oretrace.server;
