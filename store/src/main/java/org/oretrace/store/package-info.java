package org.oretrace.store;
